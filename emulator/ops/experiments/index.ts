/** Registers the experiments operations (stub until its owner lands it). */
export {};
