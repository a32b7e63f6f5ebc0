/** Registers the pipelines operations (stub until its owner lands it). */
export {};
