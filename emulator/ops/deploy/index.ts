/** Registers the deploy operations: models, endpoint configs, endpoints and their rollout ticker. */
import "./models";
import "./configs";
import "./rollout";
import "./endpoints";
