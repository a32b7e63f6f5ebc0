/** Registers the pipelines operations, the Pipeline/PipelineExecution searchables and the engine's ticker. */
import "./pipelines";
import "./start";
import "./control";
import "./executions";
import "./steps";
