/** Registers the experiments operations: experiments, trials, trial components, associations, Search providers. */
import "./experiment";
import "./trial";
import "./trialComponent";
import "./association";
import "./internal";
import "./searchables";
