/** Node only: scheme ids → schemes for a compile run: the built-ins, with a custom rubric file winning for its own id. */
import { builtInSchemeIds, getScheme } from "../rubric/catalogue";
import { loadRubricFile } from "../rubric/load";
import type { Scheme } from "../rubric/types";

export type SchemeResolver = (id: string) => Scheme | undefined;

export function schemeResolver(rubricPath: string | undefined): { resolve: SchemeResolver; custom: Scheme | null } | { errors: string[] } {
  if (rubricPath === undefined) return { resolve: getScheme, custom: null };
  const loaded = loadRubricFile(rubricPath);
  if (!loaded.scheme) return { errors: loaded.errors.length > 0 ? loaded.errors : [`${rubricPath}：不是有效的评分细则文件`] };
  const custom = loaded.scheme;
  return { resolve: (id) => (id === custom.id ? custom : getScheme(id)), custom };
}

/** Every id the resolver knows, for the message about an unknown --scheme. */
export function knownSchemeIds(custom: Scheme | null): string[] {
  const ids = builtInSchemeIds();
  return custom && !ids.includes(custom.id) ? [...ids, custom.id] : ids;
}
