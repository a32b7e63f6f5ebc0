import { changeRunRoute } from "@/lib/pipelines/runs/http";

export const POST = changeRunRoute("retry", "Retry a failed run from its failed steps");
