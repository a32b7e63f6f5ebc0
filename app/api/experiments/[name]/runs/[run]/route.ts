import { z } from "zod";
import { route } from "@/lib/api/route";
import { experimentNameParam } from "@/lib/experiments/list-input";
import { getRun } from "@/lib/sagemaker/experiments/reads";

const params = experimentNameParam.extend({ run: z.string().min(1).max(256) });

// GET /api/experiments/[name]/runs/[run] — one run: parameters, metrics, artifacts, tags, origin
export const GET = route({ permission: "read", params }, ({ params }) => getRun(params.name, params.run));
