/** Messages of introductions: the page, the request dialog and their notifications. */
export const introductionsMessages = {
  'introductions.title': 'Introductions',
  'introductions.intro':
    'Meet people through someone who knows you both. Only the three people in an introduction see it.',
  'introductions.section.introducer': 'Asked of you',
  'introductions.section.introducerHint':
    'Colleagues who would like you to introduce them to someone you know.',
  'introductions.section.target': 'For you',
  'introductions.section.targetHint': 'Introductions passed on to you by someone you know.',
  'introductions.section.requester': 'You asked',
  'introductions.section.requesterHint': 'Introductions you asked for, and where they stand.',
  'introductions.empty.introducer': 'Nobody has asked you for an introduction.',
  'introductions.empty.target': 'No introductions are waiting for you.',
  'introductions.empty.requester': 'You have not asked for an introduction yet.',
  'introductions.empty.requesterHint':
    'On the profile of someone you would like to meet, choose “Ask for an introduction”.',
  'introductions.list.introducer': 'Introductions asked of you',
  'introductions.list.target': 'Introductions for you',
  'introductions.list.requester': 'Introductions you asked for',

  'introductions.headline.introducer': '{requester} would like to meet {target}',
  'introductions.headline.target': '{introducer} would like to introduce you to {requester}',
  'introductions.headline.requester': 'You asked {introducer} to introduce you to {target}',
  'introductions.messageFrom': 'Message from {name}',
  'introductions.yourMessage': 'Your message',
  'introductions.noteFrom': 'Note from {name}',
  'introductions.yourNote': 'Your note',
  'introductions.askedAt': 'Asked {when}',

  'introductions.state.waitingForIntroducer': 'Waiting for {introducer} to pass it on',
  'introductions.state.waitingForTarget': 'Passed on to {target}; waiting for their answer',
  'introductions.state.youPassedOn': 'You passed it on; waiting for {target}',
  'introductions.state.accepted': 'Accepted: {requester} and {target} have been introduced',
  'introductions.state.youAccepted': 'You accepted: you and {requester} have been introduced',
  'introductions.state.youWereIntroduced': '{target} accepted: you have been introduced',
  'introductions.state.declinedByIntroducer': '{introducer} declined',
  'introductions.state.declinedByTarget': '{target} declined',
  'introductions.state.youDeclined': 'You declined',

  'introductions.forward': 'Forward with a note',
  'introductions.forwardLabel': 'Forward with a note: {requester}’s request to meet {target}',
  'introductions.noteLabel': 'Note to {target}',
  'introductions.noteHint': 'Why they should meet, in a sentence or two. {target} sees it.',
  'introductions.forwardSubmit': 'Forward',
  'introductions.forwarding': 'Forwarding…',
  'introductions.forwarded': 'Passed on to {target}.',
  'introductions.decline': 'Decline',
  'introductions.declineLabel': 'Decline the introduction of {requester}',
  'introductions.declineTitle': 'Decline this introduction?',
  'introductions.declineBodyIntroducer':
    '{requester} will be told that you declined. {target} never hears of it.',
  'introductions.declineBodyTarget':
    '{requester} will be told that you declined. You can still meet later.',
  'introductions.declined': 'Declined.',
  'introductions.accept': 'Accept',
  'introductions.acceptLabel': 'Accept the introduction to {requester}',
  'introductions.accepted': 'You and {requester} have been introduced.',

  'introductions.ask': 'Ask for an introduction',
  'introductions.askLabel': 'Ask for an introduction to {name}',
  'introductions.dialogTitle': 'Meet {name} through someone you both know',
  'introductions.dialogIntro':
    'These people know you both. Choose one to ask: they decide whether to pass your request on to {name}.',
  'introductions.introducer': 'Who should introduce you?',
  'introductions.introducerRequired': 'Choose who should introduce you.',
  'introductions.noIntroducers': 'Nobody you know knows {name} well yet.',
  'introductions.noIntroducersHint':
    'A comment on something they posted, or an answer to one of their questions, is a good way to start.',
  'introductions.message': 'Why would you like to meet {name}?',
  'introductions.messageHint': 'The person you ask reads this, and {name} too if it is passed on.',
  'introductions.messageRequired': 'Say why you would like to meet {name}.',
  'introductions.send': 'Send request',
  'introductions.sending': 'Sending…',
  'introductions.sentTitle': 'Request sent',
  'introductions.sentBody':
    '{introducer} will decide whether to pass it on to {name}. You will be told either way.',
  'introductions.seeAll': 'See your introductions',
  'introductions.done': 'Done',

  'introductions.notification.requested': '{name} asked you for an introduction',
  'introductions.notification.forwarded': '{name} passed on an introduction',
  'introductions.notification.accepted': '{name} accepted an introduction',
  'introductions.notification.declined': '{name} declined an introduction',
  'notificationSettings.group.introductions': 'Introductions',
  'notificationSettings.type.introduction_requested': 'Someone asks you for an introduction',
  'notificationSettings.type.introduction_forwarded':
    'An introduction is passed on to you, or yours is passed on',
  'notificationSettings.type.introduction_accepted':
    'An introduction you asked for or made is accepted',
  'notificationSettings.type.introduction_declined': 'An introduction you asked for is declined',
} as const;
