import { z } from "zod";
import { route } from "@/lib/api/route";
import { experimentNameParam } from "@/lib/experiments/list-input";
import { getRun } from "@/lib/sagemaker/experiments/reads";

const params = experimentNameParam.extend({ run: z.string().min(1).max(256) });

export const GET = route(
  { summary: "One run: parameters, metrics, artifacts, tags, origin", permission: "read", params },
  ({ params }) => getRun(params.name, params.run),
);
