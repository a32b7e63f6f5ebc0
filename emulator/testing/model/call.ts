/** Calls any SageMaker operation by name through the JS SDK (for the every-operation smoke pass). */
import * as sdk from "@aws-sdk/client-sagemaker";
import type { SageMakerClient } from "@aws-sdk/client-sagemaker";

type Out = Record<string, unknown>;
type AnyCommand = Parameters<SageMakerClient["send"]>[0];
const commands = sdk as unknown as Record<string, new (input: object) => AnyCommand>;

export type Call = (operation: string, input?: object) => Promise<Out>;

export function caller(client: SageMakerClient): Call {
  return async (operation, input = {}) => {
    const Command = commands[`${operation}Command`];
    if (!Command) throw new Error(`the SDK has no ${operation}Command`);
    return (await client.send(Command && new Command(input))) as unknown as Out;
  };
}

/** `out[key]` as a list of records (empty when absent). */
export function items(out: Out, key: string): Out[] {
  const v = out[key];
  return Array.isArray(v) ? (v as Out[]) : [];
}

export function str(v: unknown): string {
  if (typeof v !== "string") throw new Error(`expected a string, got ${JSON.stringify(v)}`);
  return v;
}
