/** Registers the SageMaker Projects operations. */
import "./projects";
