/** Gates for the approvals inbox: each waiting gate with what this user may do on it (separation of duties). */
import type { Db } from "@/lib/db";
import type { Allowed } from "@/lib/approvals/allowed";
import { describeModelVersion } from "@/lib/sagemaker/registry/reads";
import { gateAllowed, gateParticipants, type GateParticipants, type GateUser } from "./gate-policy";
import { gateKey, waitingGates, type Gate } from "./gates";

export interface InboxGate extends Gate {
  key: string;
  registeredBy?: string;
  registryApprover?: string;
  allowed: Allowed;
}

export async function gatesForUser(db: Db, user: GateUser, q: { group?: string } = {}): Promise<InboxGate[]> {
  const gates = await waitingGates(q);
  return Promise.all(
    gates.map(async (g) => {
      const v = g.version ? await describeModelVersion(g.version.arn).catch(() => undefined) : undefined;
      const p: GateParticipants = v ? await gateParticipants(db, v) : {};
      return {
        ...g,
        key: gateKey(g),
        registeredBy: p.registrant,
        registryApprover: p.registryApprover,
        allowed: v
          ? gateAllowed(user, p)
          : { allowed: false, reason: "CodePipeline does not say which version this execution deploys." },
      };
    }),
  );
}
