/**
 * DescribeEndpoint (and Search) answer an endpoint's data capture as `DataCaptureConfigSummary` — EnableCapture,
 * CaptureStatus, CurrentSamplingPercentage, DestinationS3Uri, KmsKeyId, all required — not in the request shape
 * of CreateEndpointConfig (InitialSamplingPercentage, CaptureOptions), which the endpoint record keeps.
 */
import { isObject, type JsonObject } from "../../core/json";

export function captureSummary(config: unknown): JsonObject | undefined {
  if (!isObject(config)) return undefined;
  if (typeof config.CaptureStatus === "string") return config;
  const enabled = config.EnableCapture !== false;
  return {
    EnableCapture: enabled,
    CaptureStatus: enabled ? "Started" : "Stopped",
    CurrentSamplingPercentage:
      typeof config.InitialSamplingPercentage === "number" ? config.InitialSamplingPercentage : 0,
    DestinationS3Uri: typeof config.DestinationS3Uri === "string" ? config.DestinationS3Uri : "",
    // required by the model; AWS's own key when none was given is not documented, so an empty id
    KmsKeyId: typeof config.KmsKeyId === "string" ? config.KmsKeyId : "",
  };
}

/** An endpoint record as DescribeEndpoint and Search show it. */
export function endpointView(record: JsonObject): JsonObject {
  const out: JsonObject = { ...record };
  const summary = captureSummary(record.DataCaptureConfig);
  if (summary) out.DataCaptureConfig = summary;
  else delete out.DataCaptureConfig;
  return out;
}
