/** Meridian Works, the demo organisation: its departments and offices. */
export const ORGANISATION = { name: 'Meridian Works', domain: 'meridian.example' };

export interface Department {
  name: string;
  /** Share of the organisation working there. */
  weight: number;
  titles: string[];
  leads: string[];
  skills: string[];
  focus: string[];
}

export const DEPARTMENTS: Department[] = [
  {
    name: 'Engineering',
    weight: 0.26,
    titles: [
      'Software Engineer',
      'Senior Software Engineer',
      'Staff Engineer',
      'Site Reliability Engineer',
      'QA Engineer',
      'Data Engineer',
      'Mobile Engineer',
    ],
    leads: ['Engineering Manager', 'Director of Engineering'],
    skills: [
      'TypeScript',
      'Node.js',
      'React',
      'PostgreSQL',
      'Kubernetes',
      'Terraform',
      'Go',
      'Python',
      'Observability',
      'Security',
      'Kotlin',
      'Swift',
      'Testing',
      'Performance',
    ],
    focus: [
      'the billing platform',
      'our mobile apps',
      'the data pipeline',
      'developer tooling',
      'search',
      'the public API',
    ],
  },
  {
    name: 'Product',
    weight: 0.09,
    titles: ['Product Manager', 'Senior Product Manager', 'Product Analyst', 'Technical Writer'],
    leads: ['Head of Product'],
    skills: [
      'Roadmapping',
      'User research',
      'Analytics',
      'SQL',
      'Pricing',
      'Experimentation',
      'Documentation',
    ],
    focus: [
      'onboarding',
      'the admin console',
      'integrations',
      'reporting',
      'pricing and packaging',
    ],
  },
  {
    name: 'Design',
    weight: 0.07,
    titles: ['Product Designer', 'Senior Product Designer', 'UX Researcher', 'Content Designer'],
    leads: ['Design Lead'],
    skills: [
      'Figma',
      'Accessibility',
      'Design systems',
      'Prototyping',
      'User research',
      'Illustration',
      'Writing',
    ],
    focus: ['our design system', 'accessibility', 'the mobile experience', 'research operations'],
  },
  {
    name: 'Sales',
    weight: 0.14,
    titles: [
      'Account Executive',
      'Senior Account Executive',
      'Sales Development Representative',
      'Solutions Engineer',
    ],
    leads: ['Sales Director', 'VP Sales'],
    skills: [
      'Negotiation',
      'Salesforce',
      'Public sector',
      'Enterprise deals',
      'Demos',
      'Forecasting',
    ],
    focus: [
      'enterprise accounts in EMEA',
      'the public sector',
      'new business in APAC',
      'partner channels',
    ],
  },
  {
    name: 'Customer Success',
    weight: 0.14,
    titles: [
      'Customer Success Manager',
      'Support Engineer',
      'Implementation Consultant',
      'Trainer',
    ],
    leads: ['Head of Customer Success'],
    skills: [
      'Onboarding',
      'Zendesk',
      'Training',
      'Troubleshooting',
      'SQL',
      'Renewals',
      'Customer advocacy',
    ],
    focus: [
      'our largest customers',
      'first-line support',
      'implementation projects',
      'customer training',
    ],
  },
  {
    name: 'Marketing',
    weight: 0.1,
    titles: [
      'Content Marketer',
      'Product Marketing Manager',
      'Events Manager',
      'Growth Marketer',
      'Brand Designer',
    ],
    leads: ['Head of Marketing'],
    skills: ['Copywriting', 'SEO', 'Events', 'Brand', 'Video', 'Social media', 'Analytics'],
    focus: ['our launches', 'the blog', 'customer stories', 'events and webinars'],
  },
  {
    name: 'People & Culture',
    weight: 0.08,
    titles: [
      'People Partner',
      'Recruiter',
      'Learning & Development Specialist',
      'Workplace Coordinator',
    ],
    leads: ['Chief People Officer'],
    skills: ['Recruiting', 'Coaching', 'Onboarding', 'Employment law', 'Wellbeing', 'Facilitation'],
    focus: ['hiring', 'learning programmes', 'our offices', 'wellbeing'],
  },
  {
    name: 'Finance',
    weight: 0.12,
    titles: [
      'Financial Analyst',
      'Accountant',
      'Procurement Specialist',
      'Legal Counsel',
      'Revenue Operations Analyst',
    ],
    leads: ['Finance Director', 'General Counsel'],
    skills: [
      'Forecasting',
      'Excel',
      'Contracts',
      'Procurement',
      'Compliance',
      'Revenue recognition',
      'GDPR',
    ],
    focus: ['planning and budgets', 'contracts', 'procurement', 'revenue operations'],
  },
];

export const LOCATIONS = [
  'London',
  'Berlin',
  'Lisbon',
  'Toronto',
  'Singapore',
  'Nairobi',
  'São Paulo',
  'Remote',
];
