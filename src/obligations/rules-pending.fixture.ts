/**
 * Rule files whose `source` records and 2018 coverage are still being filled by their owners
 * (issue 13 §5–6; branches `states` for us-*, `intl` for the rest, `legal` for us-federal and
 * eu-incident). Tests accept `rules verify` problems only from these files; remove a file when
 * it verifies clean. Test support only.
 */
export const PENDING_RULE_FILES: readonly string[] = [];
