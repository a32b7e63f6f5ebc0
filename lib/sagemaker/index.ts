export { getSageMakerClient, createSageMakerClient } from "./client";
export { sagemakerRead, sagemakerWrite, getReadCache } from "./call";
export { translateSageMakerError } from "./errors";
export { pingSageMaker, describeDataSource, type DataSource, type SageMakerHealth } from "./health";
export { getOverviewSummary, type OverviewSummary, type CountResult } from "./overview";
