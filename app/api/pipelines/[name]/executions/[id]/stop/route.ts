import { changeRunRoute } from "@/lib/pipelines/runs/http";

export const POST = changeRunRoute("stop", "Stop a running run");
