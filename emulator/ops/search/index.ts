/** Registers the search operations (stub until its owner lands it). */
export {};
