// The patient portal (/app/portal/): sign-up, my appointments, booking, inbox, my invoices (and paying them), my materials, family, messages and consents,
// profile. Each screen shows only what the signed-in account may do; the API decides.

import { Shell } from '../common/shell.js';
import { canBook, renderAppointments } from './appointments.js';
import { renderBook } from './book.js';
import { educationPatients, renderEducation } from './education.js';
import { hasFamily, renderFamily } from './family.js';
import { renderInbox } from './inbox.js';
import { intakePatients, renderIntake } from './intake.js';
import { invoicePatients, renderInvoices } from './invoices.js';
import { renderMessages } from './messages.js';
import { renderProfile } from './profile.js';
import { showSignUp } from './signup.js';

const has = (me, ...permissions) => permissions.some((p) => me.permissions.includes(p));
const portalAccount = (me) => Boolean(me.patientId) || (me.family || []).length > 0;

const screens = [
  { id: 'appointments', title: 'portal.nav.appointments', allowed: (me) => portalAccount(me) && has(me, 'appointments.read.own'), render: renderAppointments },
  { id: 'book', title: 'portal.nav.book', allowed: (me) => portalAccount(me) && canBook({ me, can: (...p) => has(me, ...p) }), render: renderBook },
  { id: 'inbox', title: 'portal.nav.inbox', allowed: (me) => portalAccount(me) && has(me, 'notifications.read.own'), render: renderInbox },
  { id: 'invoices', title: 'portal.nav.invoices', allowed: (me) => portalAccount(me) && invoicePatients(me).length > 0, render: renderInvoices },
  { id: 'education', title: 'portal.nav.education', allowed: (me) => portalAccount(me) && educationPatients(me).length > 0, render: renderEducation },
  { id: 'family', title: 'portal.nav.family', allowed: (me) => portalAccount(me) && hasFamily(me), render: renderFamily },
  { id: 'messages', title: 'portal.nav.messages', allowed: (me) => portalAccount(me) && has(me, 'notifications.read.own'), render: renderMessages },
  { id: 'intake', title: 'portal.nav.intake', allowed: (me) => intakePatients(me).length > 0, render: renderIntake },
  { id: 'profile', title: 'portal.nav.profile', allowed: (me) => portalAccount(me), render: renderProfile },
];

new Shell('portal', screens, showSignUp).start().catch((error) => {
  console.error('Moeen portal could not start:', error);
});
