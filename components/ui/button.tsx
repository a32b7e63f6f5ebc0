import Link from "next/link";
import type { ButtonHTMLAttributes, ComponentProps } from "react";

export type ButtonVariant = "primary" | "secondary" | "danger" | "ghost";
export type ButtonSize = "sm" | "md" | "lg";

const VARIANTS: Record<ButtonVariant, string> = {
  primary: "bg-sky-700 font-medium text-white hover:bg-sky-800",
  secondary: "border border-slate-300 hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800",
  danger: "bg-red-600 font-medium text-white hover:bg-red-700",
  ghost: "underline-offset-2 hover:underline",
};

const SIZES: Record<ButtonSize, string> = {
  sm: "px-2 py-0.5 text-xs",
  md: "px-3 py-1 text-sm",
  lg: "px-4 py-2 text-sm",
};

/** The classes of a button, for the rare element that must look like one (a link, a summary). */
export function buttonClass({
  variant = "secondary",
  size = "md",
  className,
}: {
  variant?: ButtonVariant;
  size?: ButtonSize;
  className?: string;
} = {}): string {
  const base =
    "inline-flex items-center justify-center gap-1 rounded disabled:cursor-not-allowed disabled:opacity-50 aria-busy:cursor-progress";
  return [base, VARIANTS[variant], SIZES[size], className].filter(Boolean).join(" ");
}

type ButtonProps = ButtonHTMLAttributes<HTMLButtonElement> & {
  variant?: ButtonVariant;
  size?: ButtonSize;
  /** A request this button started is running: disabled, and aria-busy for assistive tech. */
  pending?: boolean;
};

/** The one button: `type="button"` unless told otherwise, disabled while pending. */
export function Button({
  variant,
  size,
  pending = false,
  disabled,
  className,
  type = "button",
  ...rest
}: ButtonProps) {
  return (
    <button
      type={type}
      disabled={disabled || pending}
      aria-busy={pending || undefined}
      className={buttonClass({ variant, size, className })}
      {...rest}
    />
  );
}

/** A link styled as a button (navigation, not an action). */
export function ButtonLink({
  variant,
  size,
  className,
  ...rest
}: ComponentProps<typeof Link> & { variant?: ButtonVariant; size?: ButtonSize }) {
  return <Link className={buttonClass({ variant, size, className })} {...rest} />;
}
