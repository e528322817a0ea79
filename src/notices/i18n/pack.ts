/** A language pack of the notices outside the US (templates-i18n.ts says what each holds and why). */
import type { ElementId } from '../../assessment/scanner/types.js';

export interface Pack {
  title: string;
  subject: string;
  greeting: string;
  happened: [heading: string, tail: string];
  information: [heading: string, lead: string];
  consequences: string;
  measures: string;
  canDo: string;
  contact: [heading: string, text: string];
  reg: {
    title: string;
    subject: string;
    cover: string;
    nature: string;
    categories: string;
    consequences: string;
    measures: string;
    contact: [heading: string, text: string];
    /** Heading of the reasons for a late notification, in the words of the law's own translation (GDPR Art. 33(1)). */
    delay: string;
  };
  labels: Partial<Record<ElementId, string>>;
  /** The word for "password" (the credentials check looks for it in "what you can do"). */
  password: RegExp;
}
