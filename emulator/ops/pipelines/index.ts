/** Registers the pipelines operations, the Pipeline/PipelineExecution searchables and the engine's ticker. */
import "./pipelines";
import "./executions";
import "./steps";
