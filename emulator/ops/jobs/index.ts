/** Registers the jobs operations (stub until its owner lands it). */
export {};
