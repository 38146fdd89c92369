// A scenario's key moment as a test writes it: only its id, dimension and conditions
// given; the label and example are made from the id in both languages.
import type { KeyMoment } from '../../evaluators/index.ts';

export const keyMoment = (
  id: string,
  dimension: KeyMoment['dimension'],
  when: KeyMoment['when'],
  extra: Partial<KeyMoment> = {},
): KeyMoment => ({
  id,
  label: { 'zh-CN': `时刻${id}`, en: `Moment ${id}` },
  dimension,
  example: { 'zh-CN': `示范${id}`, en: `Example ${id}` },
  when,
  ...extra,
});
