/** Registers training and processing jobs (and the emulated S3 store they write to). */
import "./training";
import "./processing";
import "./kinds";
import "./stops";
