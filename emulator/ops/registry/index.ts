/** Registers the model registry operations: model package groups and model packages. */
import "./groups";
import "./packages";
import "./package-read";
import "./policy";
