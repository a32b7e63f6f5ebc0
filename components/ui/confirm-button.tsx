"use client";

import { useEffect, useId, useRef, useState, type ReactNode } from "react";
import { Button, type ButtonSize, type ButtonVariant } from "./button";

/**
 * An action that changes something in SageMaker, with a confirmation step: the first click asks ("Approve
 * fraud-xgboost version 12?"), the second sends. Nothing is held on the client, so nothing can be lost (a closed tab,
 * a crash), and another user never sees a decision that is still "in the undo window". Escape or Cancel returns
 * focus to the button; asking moves focus to the confirm button.
 */
export function ConfirmButton({
  children,
  question,
  confirmLabel,
  onConfirm,
  variant = "secondary",
  size,
  disabled,
  pending,
  title,
  className,
}: {
  children: ReactNode;
  /** what the confirmation names: the subject and the outcome, e.g. "Reject fraud-xgboost version 12?" */
  question: string;
  /** the confirm button's text, e.g. "Confirm reject" */
  confirmLabel: string;
  onConfirm: () => void;
  variant?: ButtonVariant;
  size?: ButtonSize;
  disabled?: boolean;
  pending?: boolean;
  title?: string;
  className?: string;
}) {
  const [asking, setAsking] = useState(false);
  // the shared Button takes no ref: focus goes to the first button inside this wrapper
  const wrapRef = useRef<HTMLSpanElement>(null);
  const returnFocus = useRef(false);
  const id = useId();
  useEffect(() => {
    if (asking || returnFocus.current) wrapRef.current?.querySelector("button")?.focus();
    returnFocus.current = false;
  }, [asking]);
  const cancel = () => {
    returnFocus.current = true;
    setAsking(false);
  };
  // a disabled action (a reason removed, another request running) cannot stay half-confirmed
  if (!asking || disabled)
    return (
      <span ref={wrapRef} className="contents">
        <Button
          variant={variant}
          size={size}
          disabled={disabled}
          pending={pending}
          title={title}
          className={className}
          onClick={() => setAsking(true)}
        >
          {children}
        </Button>
      </span>
    );
  return (
    <span
      ref={wrapRef}
      role="group"
      aria-labelledby={id}
      data-testid="confirm-step"
      className="inline-flex flex-wrap items-center gap-2 rounded border border-amber-300 bg-amber-50 px-2 py-1 text-sm dark:border-amber-800 dark:bg-amber-950"
      onKeyDown={(e) => {
        if (e.key === "Escape") cancel();
      }}
    >
      <span id={id}>{question}</span>
      <Button
        variant={variant === "secondary" ? "primary" : variant}
        size={size}
        pending={pending}
        onClick={() => {
          setAsking(false);
          onConfirm();
        }}
      >
        {confirmLabel}
      </Button>
      <Button size={size} onClick={cancel}>
        Cancel
      </Button>
    </span>
  );
}
