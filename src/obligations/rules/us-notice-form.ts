/**
 * The form-of-notice fields of a state individuals rule built by us-common.ts `stateRules`: when
 * e-mail is notice (us-electronic-notice.ts), the substitute notice (us-substitute-notice.ts) and the
 * deemed-compliance clauses (us-deemed-compliance.ts) — today's text, or a version's own where the
 * version says so (e.g. Arizona before HB 2154).
 */
import type { ElectronicNotice, SubstituteNotice } from '../rule-notice.schema.js';
import { deemedFor } from './us-deemed-compliance.js';
import { electronicNoticeOf } from './us-electronic-notice.js';
import { substituteOf } from './us-substitute-notice.js';

/** A version's own terms; absent = today's; `substitute: null` = that version's terms were not read. */
export interface VersionNoticeForm {
  electronic?: ElectronicNotice;
  substitute?: SubstituteNotice | null;
}

/** The substitute-notice fields of an individuals rule: the record and its one-line summary. */
export const substituteFields = (sub: SubstituteNotice | null) =>
  sub
    ? {
        substitute: sub,
        substituteNotice: [
          sub.costOver !== null ? `cost > $${sub.costOver.toLocaleString('en-US')}` : '',
          sub.countOver !== null ? `> ${sub.countOver.toLocaleString('en-US')} persons to notify` : '',
          sub.insufficientContact ? 'insufficient contact information' : '',
        ]
          .filter(Boolean)
          .join(', or ')
          .concat(`: ${sub.components.join('; ')}`),
      }
    : {};

/** The individuals rule's electronicNotice, substitute and deemedCompliance fields. */
export const individualsNoticeForm = (code: string, form: VersionNoticeForm = {}) => ({
  electronicNotice: form.electronic ?? electronicNoticeOf(code),
  ...substituteFields(form.substitute === undefined ? substituteOf(code) : form.substitute),
  deemedCompliance: deemedFor(code, 'individuals'),
});
