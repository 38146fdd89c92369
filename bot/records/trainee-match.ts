// Which sessions a trainer means by a name typed into the dashboard filter or given to
// `roleplay report --trainee`: both call this, so the same name gives the same rows.

/** Width, case and surrounding spaces do not matter: "小李", " 小李 " and full-width "ＬＩＮ" find the same trainee. */
export function normaliseTraineeQuery(text: string): string {
  return text.normalize('NFKC').trim().toLocaleLowerCase('en');
}

/** True when the query is the trainee's id or display name (after normalising both). */
export function traineeMatches(query: string | undefined, trainee: { id: string; name?: string | null }): boolean {
  if (query === undefined) return true;
  const q = normaliseTraineeQuery(query);
  if (!q) return true;
  return normaliseTraineeQuery(trainee.id) === q || (trainee.name != null && normaliseTraineeQuery(trainee.name) === q);
}
