import { queryOptions } from "@tanstack/react-query";
import type { ChannelItem } from "@/lib/notifications/channels";
import type { DeliveryItem, DeliveryPage } from "@/lib/notifications/deliveries";
import type { Preferences } from "@/lib/notifications/preferences";
import type { ChannelKind } from "@/lib/notifications/kinds";
import { fetchJson } from "@/lib/query-options/fetcher";

export interface ChannelBody {
  kind: ChannelKind;
  name: string;
  target: string;
  eventTypes: string[];
  groupFilter: string | null;
  solutionFilter: string | null;
}

export interface DeliveryFilter {
  status: string | null;
  channel: string | null;
  page: number;
}

export const notificationQueries = {
  all: ["notifications"] as const,
  channels: () =>
    queryOptions({
      queryKey: ["notifications", "channels"] as const,
      queryFn: () => fetchJson<{ channels: ChannelItem[] }>("/api/notifications/channels"),
    }),
  deliveries: (f: DeliveryFilter) =>
    queryOptions({
      queryKey: ["notifications", "deliveries", f] as const,
      queryFn: () => {
        const q = new URLSearchParams({ page: String(f.page) });
        if (f.status) q.set("status", f.status);
        if (f.channel) q.set("channel", f.channel);
        return fetchJson<DeliveryPage>(`/api/notifications/deliveries?${q.toString()}`);
      },
    }),
  preferences: () =>
    queryOptions({
      queryKey: ["notifications", "preferences"] as const,
      queryFn: () => fetchJson<{ preferences: Preferences }>("/api/notifications/preferences"),
    }),
};

const send = <T>(url: string, method: string, body: unknown) =>
  fetchJson<T>(url, { method, body: JSON.stringify(body) });

export const createChannel = (body: ChannelBody) =>
  send<{ channel: ChannelItem; secret: string | null }>("/api/notifications/channels", "POST", body);
export const updateChannel = (id: string, body: Partial<Omit<ChannelBody, "kind">> & { enabled?: boolean }) =>
  send<{ channel: ChannelItem }>(`/api/notifications/channels/${encodeURIComponent(id)}`, "PATCH", body);
export const testChannel = (id: string) =>
  send<{ delivery: DeliveryItem }>(`/api/notifications/channels/${encodeURIComponent(id)}/test`, "POST", {});
export const resendDelivery = (id: string) =>
  send<{ delivery: DeliveryItem }>(
    `/api/notifications/deliveries/${encodeURIComponent(id)}/resend`,
    "POST",
    {},
  );
export const savePreferences = (body: Preferences) =>
  send<{ preferences: Preferences }>("/api/notifications/preferences", "PUT", body);
