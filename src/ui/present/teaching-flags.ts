/**
 * The flags an instructor puts in a lesson link (after `?` in the hash):
 *
 *     #/lesson/week1/gradient-descent?view=present&section=the-gradient&code=hidden
 *
 * `view=present` opens present mode, `section=<heading id>` starts at (or scrolls to) that
 * section, `code=hidden` shows outputs without the code (a learner can show it again).
 * Other flags (such as `backend=`) are kept as they are.
 */
import { lessonHref, type LessonParams } from '../session/route';

export interface TeachingFlags {
  present: boolean;
  section: string | undefined;
  codeHidden: boolean;
}

export function readTeachingFlags(params: LessonParams): TeachingFlags {
  return {
    present: params.view === 'present',
    section: params.section || undefined,
    codeHidden: params.code === 'hidden',
  };
}

/** The link's params: `base` without teaching flags, then the flags that are set. */
export function withTeachingFlags(base: LessonParams, flags: TeachingFlags): LessonParams {
  const { view: _view, section: _section, code: _code, ...rest } = base;
  const params: LessonParams = { ...rest };
  if (flags.present) params.view = 'present';
  if (flags.section) params.section = flags.section;
  if (flags.codeHidden) params.code = 'hidden';
  return params;
}

/** An absolute link to the lesson with these flags, on the site the page is served from. */
export function teachingLink(
  pageUrl: string,
  slug: string,
  base: LessonParams,
  flags: TeachingFlags,
): string {
  return new URL(lessonHref(slug, withTeachingFlags(base, flags)), pageUrl).href;
}
