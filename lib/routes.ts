/** Every page's href and nav entry in one place; components never hard-code paths. */
export const routes = {
  overview: "/",
  experiments: "/experiments",
  pipelines: "/pipelines",
  models: "/models",
  endpoints: "/endpoints",
  approvals: "/approvals",
  maturity: "/maturity",
  audit: "/audit",
  /** admins only: the AWS accounts SageDeck works in */
  settingsAccounts: "/settings/accounts",
  /** admins only: notification channels and deliveries (issue 21) */
  settingsNotifications: "/settings/notifications",
  /** everyone: what they receive personally */
  accountNotifications: "/account/notifications",
  /** everyone: their personal API tokens */
  accountTokens: "/account/tokens",
  /** everyone: the API reference, rendered from /api/openapi.json's document */
  apiDocs: "/api-docs",
  login: "/login",
} as const;

/** Hrefs with parameters (model registry). */
export const modelRoutes = {
  group: (group: string) => `/models/${encodeURIComponent(group)}`,
  version: (group: string, version: number) => `/models/${encodeURIComponent(group)}/${version}`,
};

/** Hrefs with parameters (endpoints across accounts). */
export const endpointRoutes = {
  /** the endpoints list, filtered to one account when given */
  list: (filter: { account?: string } = {}) =>
    filter.account ? `/endpoints?account=${encodeURIComponent(filter.account)}` : "/endpoints",
};

/** Hrefs with parameters (maturity). */
export const maturityRoutes = {
  solution: (key: string) => `/maturity/${encodeURIComponent(key)}`,
};

export interface NavItem {
  href: string;
  label: string;
}

export const NAV_ITEMS: readonly NavItem[] = [
  { href: routes.overview, label: "Overview" },
  { href: routes.experiments, label: "Experiments" },
  { href: routes.pipelines, label: "Pipelines" },
  { href: routes.models, label: "Models" },
  { href: routes.endpoints, label: "Endpoints" },
  { href: routes.approvals, label: "Approvals" },
  { href: routes.maturity, label: "Maturity" },
  { href: routes.audit, label: "Audit" },
];

/** The nav item a path belongs to ("/" only matches itself). */
export function activeNavHref(pathname: string): string | undefined {
  return NAV_ITEMS.find((item) =>
    item.href === "/" ? pathname === "/" : pathname === item.href || pathname.startsWith(`${item.href}/`),
  )?.href;
}
