/** Training and processing job records (Describe shapes) and pending stops. */
import { defineCollection } from "../../core/state";
import type { JsonObject } from "../../core/json";

export interface JobRecord extends JsonObject {
  CreationTime: number;
  LastModifiedTime: number;
}

/** keyed by lower-cased job name */
export const trainingJobs = defineCollection<JobRecord>("jobs.training");
export const processingJobs = defineCollection<JobRecord>("jobs.processing");
/** `<kind>:<name-lower>` → simulated time at which a Stopping job becomes Stopped */
export const pendingStops = defineCollection<number>("jobs.pendingStops");

export const ROLE = {
  required: true,
  min: 20,
  max: 2048,
  pattern: /^arn:aws[a-z-]*:iam::\d{12}:role\/?[a-zA-Z_0-9+=,.@\-_/]+$/,
  patternText: "^arn:aws[a-z\\-]*:iam::\\d{12}:role/?[a-zA-Z_0-9+=,.@\\-_/]+$",
};
export const JOB_NAME = {
  required: true,
  min: 1,
  max: 63,
  pattern: /^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}$/,
  patternText: "^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}",
};
export const JOB_STATUS = ["InProgress", "Completed", "Failed", "Stopping", "Stopped"] as const;
