/** Registers the generic `Search` operation (providers register themselves with `defineSearchable`). */
import "./search";
