import { z } from "zod";
import { route } from "@/lib/api/route";
import { getPipelineForStart } from "@/lib/pipelines/start-view";

const params = z.object({ name: z.string().min(1).max(256) });

// GET /api/pipelines/[name] — the pipeline with its parameters, step graph and the parameters SageDeck locks
export const GET = route({ permission: "read", params }, ({ params }) => getPipelineForStart(params.name));
