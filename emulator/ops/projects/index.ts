/** Registers the projects operations (stub until its owner lands it). */
export {};
