/** Registers the registry operations (stub until its owner lands it). */
export {};
