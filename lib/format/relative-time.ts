/**
 * "3 days ago", "in 5 minutes": the relative time of `at` to `now`, worded like date-fns'
 * formatDistanceToNowStrict(at, { addSuffix: true }) (one unit, rounded; seconds under a minute, minutes under an
 * hour, hours under a day, days under 30 days, months under a year, then years) without shipping date-fns and its
 * locale to the browser.
 */
const MINUTE = 60_000;
const DAY_MINUTES = 1440;
const MONTH_MINUTES = 43_200;
const YEAR_MINUTES = 525_600;

function amount(n: number, unit: string): string {
  const r = Math.round(n) || 0;
  return `${r} ${unit}${r === 1 ? "" : "s"}`;
}

export function relativeTime(at: number, now: number = Date.now()): string {
  const ms = Math.abs(now - at);
  const minutes = ms / MINUTE;
  let text: string;
  if (minutes < 1) text = amount(ms / 1000, "second");
  else if (minutes < 60) text = amount(minutes, "minute");
  else if (minutes < DAY_MINUTES) text = amount(minutes / 60, "hour");
  else if (minutes < MONTH_MINUTES) text = amount(minutes / DAY_MINUTES, "day");
  else if (minutes < YEAR_MINUTES) {
    const months = Math.round(minutes / MONTH_MINUTES);
    text = months === 12 ? "1 year" : amount(months, "month");
  } else text = amount(minutes / YEAR_MINUTES, "year");
  return at > now ? `in ${text}` : `${text} ago`;
}

const pad = (n: number) => String(n).padStart(2, "0");

/** "2026-11-22 07:14:05" in the viewer's local time (date-fns' format(at, "yyyy-MM-dd HH:mm:ss")). */
export function localDateTime(at: number): string {
  const d = new Date(at);
  return (
    `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ` +
    `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`
  );
}
