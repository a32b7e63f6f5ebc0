/** Application Auto Scaling (JSON 1.1, `X-Amz-Target: AnyScaleFrontendService.<Op>`), as `application-autoscaling:<Op>`. */
import "./targets";
import "./policies";
import "./activities";
import "./load";
