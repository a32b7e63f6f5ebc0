import { z } from "zod";
import { route } from "@/lib/api/route";
import { describePipeline } from "@/lib/sagemaker/pipelines";

const params = z.object({ name: z.string().min(1).max(256) });

// GET /api/pipelines/[name] — the pipeline with its parameters and step graph
export const GET = route({ permission: "read", params }, ({ params }) => describePipeline(params.name));
