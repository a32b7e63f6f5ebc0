/** Importing this module registers every operation, searchable resource and ticker (CodePipeline and Application
 * Auto Scaling last: the deploy-pipeline trigger wraps the registry's operations). */
import "./experiments/index";
import "./search/index";
import "./pipelines/index";
import "./registry/index";
import "./deploy/index";
import "./jobs/index";
import "./monitoring/index";
import "./projects/index";
import "./tags/index";
import "../codepipeline/index";
import "../autoscaling/index";
