/**
 * Messages of My insights, of the "count me in analytics" preference and of the admins'
 * minimum group size (i18n/en.ts).
 */
export const insightsMessages = {
  'insights.nav': 'My insights',
  'insights.title': 'My insights',
  'insights.intro':
    'How you take part in Rapport: what you contribute, the responses you receive and how you help others.',
  'insights.private':
    'Only you can see this page. Nobody else, admins included, can see your insights.',
  'insights.period': 'Period',
  'insights.weeks': { one: 'Last week', other: 'Last {count} weeks' },
  'insights.weeksShort': { one: '{count} week', other: '{count} weeks' },
  'insights.loading': 'Loading your insights…',
  'insights.emptyTitle': 'Nothing to show for this period yet',
  'insights.emptyBody':
    'Once you post, reply, answer a question, react or edit a page, your insights appear here. Try a longer period to look further back.',

  'insights.persona.title': 'Your persona in this period',
  'insights.persona.label.observer': 'Observer',
  'insights.persona.label.broadcaster': 'Broadcaster',
  'insights.persona.label.responder': 'Responder',
  'insights.persona.label.catalyst': 'Catalyst',
  'insights.persona.label.engager': 'Engager',
  'insights.persona.meaning.observer':
    'You read, and perhaps react, without posting or replying. Plenty of people start this way.',
  'insights.persona.meaning.broadcaster':
    'You mostly post, and receive fewer than {ratio} responses for each thing you give.',
  'insights.persona.meaning.responder':
    'At least {share} of what you give are replies and reactions to others: you keep conversations going.',
  'insights.persona.meaning.catalyst':
    'What you post draws others in: you receive at least {ratio} responses for each thing you give.',
  'insights.persona.meaning.engager':
    'You post and respond to others, and people respond to you: a two-way conversation.',
  'insights.persona.how': 'How personas are worked out',
  'insights.persona.howIntro':
    'What you give (posts, replies and reactions) is compared with the responses you receive (replies and reactions from others). Everyone has one persona:',
  'insights.persona.yours': '(you)',

  'insights.figures.title': 'In numbers',
  'insights.figures.contributions': 'Contributions',
  'insights.figures.contributionsHint': 'Posts, replies, questions, answers and page edits',
  'insights.figures.reactionsGiven': 'Reactions given',
  'insights.figures.reactionsGivenHint': 'Favourites and boosts',
  'insights.figures.repliesReceived': 'Replies received',
  'insights.figures.repliesReceivedHint': 'From others, to what you wrote',
  'insights.figures.reactionsReceived': 'Reactions received',
  'insights.figures.reactionsReceivedHint': 'Favourites and boosts of what you wrote',

  'insights.weekly.title': 'Week by week',
  'insights.weekly.description':
    'Your contributions, and the replies and reactions they received, each week.',
  'insights.weekly.week': 'Week',
  'insights.weekly.weekOf': 'Week of {date}',
  'insights.weekly.contributions': 'Your contributions',
  'insights.weekly.reactionsGiven': 'Your reactions',
  'insights.weekly.responses': 'Responses you received',
  'insights.weekly.people': 'Per week',

  'insights.answers.title': 'How quickly you answer',
  'insights.answers.median': 'Typical time to answer',
  'insights.answers.medianHint':
    'The median time from a question to your first answer to it, over the questions you answered.',
  'insights.answers.none': 'You have not answered a question in this period.',
  'insights.answers.answers': 'Answers',
  'insights.answers.accepted': 'Accepted as the answer',
  'insights.duration.minutes': { one: '{count} minute', other: '{count} minutes' },
  'insights.duration.hours': { one: '{count} hour', other: '{count} hours' },
  'insights.duration.days': { one: '{count} day', other: '{count} days' },

  'insights.communities.title': 'Where you help most',
  'insights.communities.description':
    'Your answers and replies to others, by community (the five where you help most).',
  'insights.communities.community': 'Community',
  'insights.communities.helped': 'Answers and replies',
  'insights.communities.value': '{answers} · {replies}',
  'insights.communities.answers': { one: '{count} answer', other: '{count} answers' },
  'insights.communities.replies': { one: '{count} reply', other: '{count} replies' },
  'insights.communities.empty': 'You have not answered or replied to anyone in a community yet.',

  'insights.download.title': 'Download',
  'insights.download.intro': 'Your insights for this period as spreadsheets (CSV).',
  'insights.download.summary': 'Download CSV: summary',
  'insights.download.weekly': 'Download CSV: week by week',
  'insights.download.communities': 'Download CSV: communities',

  'insights.privacy.title': 'Team and community analytics',
  'insights.privacy.intro':
    'Admins and community owners see patterns of participation as totals over groups of at least a minimum size, never about one person. Your own insights stay private either way.',
  'insights.privacy.switch': 'Count me in team and community analytics',
  'insights.privacy.on':
    'On: your activity counts in the totals of your department and communities, and in silos.',
  'insights.privacy.offMeans': 'Off: you are counted only in organisation-wide totals.',
  'insights.privacy.saved': 'You are counted in team and community analytics.',
  'insights.privacy.savedOff': 'You are now counted in organisation-wide totals only.',

  'insights.settings.tab': 'Analytics',
  'insights.settings.title': 'Analytics privacy',
  'insights.settings.intro':
    'Analytics show patterns over groups, never individuals. A figure about fewer people than the minimum group size is hidden, so nobody can be singled out in a small team.',
  'insights.settings.minGroupSize': 'Minimum group size',
  'insights.settings.minGroupSizeHint':
    'Between {min} and {max} people. The default is 5; a larger number protects small teams better but hides more figures.',
  'insights.settings.invalid': 'Enter a whole number between {min} and {max}.',
  'insights.settings.save': 'Save',
  'insights.settings.saved': 'The minimum group size is now {count}.',
} as const;
