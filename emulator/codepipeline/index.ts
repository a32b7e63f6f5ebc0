/** CodePipeline (JSON 1.1, `X-Amz-Target: CodePipeline_20150709.<Op>`), registered as `codepipeline:<Op>`. */
import "./pipelines";
import "./executions";
import "./views";
import "./approval";
import "./trigger";
