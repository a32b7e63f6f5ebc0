/** One endpoint's recent scaling activities (the Endpoints page's expandable row and the version page). */
import { z } from "zod";
import { ValidationError } from "@/lib/errors";
import { findAccount, inAccount, listAccounts } from "@/lib/sagemaker/accounts/context";
import { scalingActivities } from "@/lib/sagemaker/autoscaling/reads";
import type { ScalingActivity } from "@/lib/sagemaker/autoscaling/types";
import { describeEndpoint } from "@/lib/sagemaker/endpoints/reads";

export const EndpointParams = z.object({ name: z.string().regex(/^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}$/) });
export const ScalingActivityQuery = z.object({
  account: z
    .string()
    .regex(/^[a-z][a-z0-9-]{0,31}$/)
    .optional(),
  limit: z.coerce.number().int().min(1).max(50).default(10),
});

export interface EndpointActivities {
  account: string;
  endpoint: string;
  variant?: string;
  activities: ScalingActivity[];
}

/** The newest scaling activities of the endpoint's first variant, in its account (default: the home account). */
export async function endpointActivities(
  name: string,
  q: z.output<typeof ScalingActivityQuery>,
): Promise<EndpointActivities> {
  const account = q.account ? findAccount(q.account) : listAccounts().find((a) => a.home);
  if (!account)
    throw new ValidationError(
      `No account named "${q.account}" is configured; the accounts are ${listAccounts()
        .map((a) => a.name)
        .join(", ")}.`,
    );
  return inAccount(account, async () => {
    const e = await describeEndpoint(name);
    const variant = e?.variants?.[0]?.name;
    const activities = variant ? await scalingActivities(name, variant, q.limit) : [];
    return { account: account.name, endpoint: name, variant, activities };
  });
}
