/** Messages of reporting, the moderation queue, a report, the author's notice and the banner. */
export const moderationMessages = {
  'moderation.nav': 'Moderation',

  // Reporting a status or an account
  'moderation.report.statusMenu': 'Report this status',
  'moderation.report.accountMenu': 'Report {name}',
  'moderation.report.statusTitle': 'Report a status by {name}',
  'moderation.report.accountTitle': 'Report {name}',
  'moderation.report.intro': 'Moderators will look at it. {name} is not told who reported them.',
  'moderation.report.statusIncluded': 'The status you are reporting',
  'moderation.report.category': 'What is the problem?',
  'moderation.report.categoryRequired': 'Choose what the problem is.',
  'moderation.report.category.spam': 'Spam',
  'moderation.report.category.spamHint':
    'Advertising, scams, or the same thing posted again and again.',
  'moderation.report.category.violation': 'Breaks our rules',
  'moderation.report.category.violationHint':
    'Harassment, hate, or anything else against how we treat each other here.',
  'moderation.report.category.legal': 'Legal issue',
  'moderation.report.category.legalHint':
    'It may be against the law: someone’s private data, a copyright, a confidentiality breach.',
  'moderation.report.category.other': 'Something else',
  'moderation.report.category.otherHint': 'Anything else moderators should look at.',
  'moderation.report.comment': 'Details for the moderators',
  'moderation.report.commentHint': 'What should they know? Only moderators read this.',
  'moderation.report.charactersLeft': {
    one: '{count} character left',
    other: '{count} characters left',
  },
  'moderation.report.submit': 'Send report',
  'moderation.report.sending': 'Sending…',
  'moderation.report.sentTitle': 'Thanks, moderators will look at it',
  'moderation.report.sentBody':
    'You will not hear back about what they decide. If you would rather not see {name} in the meantime, you can mute or block them from their profile.',
  'moderation.report.done': 'Done',

  // Categories and states, as moderators read them
  'moderation.category.spam': 'Spam',
  'moderation.category.violation': 'Breaks our rules',
  'moderation.category.legal': 'Legal issue',
  'moderation.category.other': 'Something else',
  'moderation.state.open': 'Open',
  'moderation.state.hide': 'Hidden',
  'moderation.state.remove': 'Removed',
  'moderation.state.dismiss': 'Dismissed',
  'moderation.state.suspend': 'Account suspended',

  // The queue
  'moderation.queue.title': 'Moderation',
  'moderation.queue.introAdmin':
    'Reports from everyone in the organisation. Hide or remove what breaks the rules, dismiss what does not; the author is told what you did and why.',
  'moderation.queue.introModerator':
    'Reports about the communities you own or moderate. Hide or remove what breaks the rules, dismiss what does not; the author is told what you did and why.',
  'moderation.queue.tabs': 'Which reports',
  'moderation.queue.open': 'Open',
  'moderation.queue.resolved': 'Resolved',
  'moderation.queue.list': 'Reports',
  'moderation.queue.emptyOpen': 'No open reports',
  'moderation.queue.emptyOpenHint': 'Nothing needs your attention right now.',
  'moderation.queue.emptyResolved': 'No resolved reports yet',
  'moderation.queue.emptyResolvedHint': 'Reports you and other moderators handle are kept here.',
  'moderation.queue.nothingTitle': 'You do not moderate anything',
  'moderation.queue.nothingBody':
    'Reports are worked on by admins, and by the owners and moderators of a community for what is posted in it.',
  'moderation.queue.nothingHint':
    'If you see something that should not be here, report it: open the “…” menu of the status, or the menu on the person’s profile.',
  'moderation.queue.home': 'Back to your home timeline',

  // A report, as a card in the queue and in full
  'moderation.card.about': 'Report about {name}',
  'moderation.card.by': 'Reported by {name}',
  'moderation.card.in': 'In {community}',
  'moderation.card.statuses': { one: '{count} status', other: '{count} statuses' },
  'moderation.card.accountOnly': 'The account, no status in particular',
  'moderation.card.noComment': 'No details given.',
  'moderation.card.review': 'Review and decide',
  'moderation.card.comment': 'What the reporter said',
  'moderation.card.outcome': '{name} · {date}',

  'moderation.report.title': 'Report about {name}',
  'moderation.report.back': 'All reports',
  'moderation.report.notFoundTitle': 'Report not found',
  'moderation.report.notFoundBody':
    'It may not exist, or it is about a community you do not moderate.',
  'moderation.report.facts': 'About this report',
  'moderation.report.reportedBy': 'Reported by',
  'moderation.report.reportedAccount': 'Reported account',
  'moderation.report.when': 'When',
  'moderation.report.reason': 'Reason',
  'moderation.report.community': 'Community',
  'moderation.report.organisationWide': 'Organisation-wide',
  'moderation.report.details': 'Details',
  'moderation.report.statuses': 'Reported statuses, as they were',
  'moderation.report.noStatuses':
    'No status in particular was reported: the report is about the account.',
  'moderation.status.visible': 'Still visible',
  'moderation.status.hidden': 'Hidden',
  'moderation.status.removed': 'Removed',
  'moderation.status.open': 'Open the status',
  'moderation.status.postedAt': 'Posted {date}',
  'moderation.status.warning': 'Content warning: {text}',

  // Acting on a report
  'moderation.act.title': 'Decide',
  'moderation.act.action': 'What do you want to do?',
  'moderation.act.hide': 'Hide the statuses',
  'moderation.act.hideHint':
    'Nobody sees them any more except their author, who sees why they were hidden.',
  'moderation.act.remove': 'Remove the statuses',
  'moderation.act.removeHint': 'They are deleted for everyone. This cannot be undone.',
  'moderation.act.dismiss': 'Dismiss the report',
  'moderation.act.dismissHint': 'Nothing here breaks the rules. The author is not told.',
  'moderation.act.suspend': 'Suspend the account',
  'moderation.act.suspendHint': 'They can no longer sign in, and their profile shows as suspended.',
  'moderation.act.actionRequired': 'Choose what to do.',
  'moderation.act.reason': 'Reason',
  'moderation.act.reasonHint':
    'The author will read this, with the content as it was reported. Say which rule and why, plainly and kindly.',
  'moderation.act.note': 'Note for the record',
  'moderation.act.noteHint': 'Other moderators see it with the report. The author is not told.',
  'moderation.act.reasonRequired': 'Tell the author why: they will read it.',
  'moderation.act.submit.hide': 'Hide and tell the author',
  'moderation.act.submit.remove': 'Remove and tell the author',
  'moderation.act.submit.dismiss': 'Dismiss the report',
  'moderation.act.submit.suspend': 'Suspend and tell them',
  'moderation.act.submit.none': 'Choose an action',
  'moderation.act.confirmRemoveTitle': 'Remove these statuses?',
  'moderation.act.confirmRemoveBody':
    'They will be deleted for everyone and cannot be brought back. {name} will be told: “{reason}”',
  'moderation.act.confirmRemove': 'Remove',
  'moderation.act.confirmSuspendTitle': 'Suspend {name}?',
  'moderation.act.confirmSuspendBody':
    'They will be signed out and can no longer sign in until an admin lifts the suspension. They will be told: “{reason}”',
  'moderation.act.confirmSuspend': 'Suspend',
  'moderation.act.done.hide': 'The statuses are hidden and {name} has been told why.',
  'moderation.act.done.remove': 'The statuses are removed and {name} has been told why.',
  'moderation.act.done.dismiss': 'The report is dismissed.',
  'moderation.act.done.suspend': '{name} is suspended and has been told why.',
  'moderation.act.cannot': 'You cannot act on this report.',

  // The outcome of a handled report
  'moderation.outcome.title': 'Outcome',
  'moderation.outcome.hide': '{name} hid the statuses',
  'moderation.outcome.remove': '{name} removed the statuses',
  'moderation.outcome.dismiss': '{name} dismissed the report',
  'moderation.outcome.suspend': '{name} suspended the account',
  'moderation.outcome.someone': 'A moderator',
  'moderation.outcome.reason': 'Reason given',
  'moderation.outcome.note': 'Note',
  'moderation.outcome.told': 'The author was told this reason.',
  'moderation.outcome.notTold': 'The author was not told.',

  // The author's notice
  'moderation.notice.title.hide': 'A moderator hid your content',
  'moderation.notice.title.remove': 'A moderator removed your content',
  'moderation.notice.title.suspend': 'Your account was suspended',
  'moderation.notice.title.dismiss': 'A report about your content',
  'moderation.notice.body.hide':
    'Someone reported what you posted, and a moderator looked at it on {date}. It is still there, but only you can see it now.',
  'moderation.notice.body.remove':
    'Someone reported what you posted, and a moderator looked at it on {date}. It has been deleted for everyone.',
  'moderation.notice.body.suspend':
    'Someone reported your account, and a moderator looked at it on {date}. Your account is suspended.',
  'moderation.notice.body.dismiss': 'A moderator looked at a report on {date} and took no action.',
  'moderation.notice.why': 'Why',
  'moderation.notice.content': 'Your content, as it was reported',
  'moderation.notice.noContent': 'The report was about your account, not a particular status.',
  'moderation.notice.questionsTitle': 'Questions?',
  'moderation.notice.questions':
    'If something is unclear, or you think this was a mistake, write to an administrator: they have the Admin badge on their profile. Reports are kept, so they can look at this decision again.',
  'moderation.notice.notFoundTitle': 'Notice not found',
  'moderation.notice.notFoundBody': 'There is no moderation decision here for you.',

  // A hidden status, as its author sees it
  'moderation.hiddenBanner': 'Hidden by a moderator: {reason}. Only you can see this.',

  // Notifications
  'moderation.notification.report': '{name} reported an account',
  'moderation.notification.reportLink': 'Review the report about {target}',
  'moderation.notification.warning': 'A moderator acted on your content',
  'moderation.notification.warningLink': 'Read what happened and why',
} as const;
