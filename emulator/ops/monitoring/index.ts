/** Registers monitoring schedules and executions. */
import "./schedules";
import "./executions";
