// The staff console (/app/console/): reception's agenda and patients (search, walk-ins, booking), the lead
// board, the chat desk and administration. Each screen is shown only to accounts with its permissions; the API decides what each call may do.

import { Shell } from '../common/shell.js';
import { renderAdmin } from './admin.js';
import { renderAgenda } from './agenda.js';
import { renderChat } from './chat.js';
import { renderFlows } from './flows.js';
import { renderFunnel } from './funnel.js';
import { renderLeads } from './leads.js';
import { renderOutbox } from './outbox.js';
import { renderPatients } from './patients.js';
import { renderRoles } from './roles.js';

const has = (me, ...permissions) => permissions.some((p) => me.permissions.includes(p));

const screens = [
  { id: 'agenda', title: 'console.nav.agenda', allowed: (me) => has(me, 'appointments.read.any'), render: renderAgenda },
  { id: 'patients', title: 'console.nav.patients', allowed: (me) => has(me, 'patients.read.any'), render: renderPatients },
  { id: 'leads', title: 'console.nav.leads', allowed: (me) => has(me, 'leads.read', 'leads.read.all'), render: renderLeads },
  { id: 'funnel', title: 'console.nav.funnel', allowed: (me) => has(me, 'crm.reports.read'), render: renderFunnel },
  { id: 'chat', title: 'console.nav.chat', allowed: (me) => has(me, 'chatbot.conversations.manage'), render: renderChat },
  { id: 'flows', title: 'console.nav.flows', allowed: (me) => has(me, 'chatbot.flows.manage'), render: renderFlows },
  { id: 'outbox', title: 'console.nav.outbox', allowed: (me) => has(me, 'notifications.manage'), render: renderOutbox },
  { id: 'admin', title: 'console.nav.admin', allowed: (me) => has(me, 'users.read.any'), render: renderAdmin },
  { id: 'roles', title: 'console.nav.roles', allowed: (me) => has(me, 'roles.manage'), render: renderRoles },
];

new Shell('console', screens).start().catch((error) => {
  console.error('Moeen console could not start:', error);
});
