/** Importing this module registers every operation, searchable resource and ticker. */
import "./experiments/index";
import "./search/index";
import "./pipelines/index";
import "./registry/index";
import "./deploy/index";
import "./jobs/index";
import "./monitoring/index";
import "./projects/index";
import "./tags/index";
