/** Registers the deploy operations (stub until its owner lands it). */
export {};
