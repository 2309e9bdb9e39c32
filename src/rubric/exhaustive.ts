/**
 * The `default` of a switch over a closed union (rule kinds …): the type checker rejects the call as soon as a member
 * has no case of its own, so a new kind cannot be accepted silently.
 */
export function unreachable(value: never): never {
  throw new Error(`unhandled case: ${JSON.stringify(value)}`);
}
