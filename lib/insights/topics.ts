// The controlled topic vocabulary. Insights are tagged only with these slugs.
export const TOPICS = [
  { slug: "leadership", label: "Leadership" },
  { slug: "management", label: "Management" },
  { slug: "careers", label: "Careers" },
  { slug: "startups", label: "Startups" },
  { slug: "product", label: "Product" },
  { slug: "engineering", label: "Engineering" },
  { slug: "ai", label: "AI" },
  { slug: "design", label: "Design" },
  { slug: "marketing", label: "Marketing" },
  { slug: "sales", label: "Sales" },
  { slug: "fundraising", label: "Fundraising" },
  { slug: "productivity", label: "Productivity" },
  { slug: "health", label: "Health" },
  { slug: "science", label: "Science" },
  { slug: "economics", label: "Economics" },
  { slug: "investing", label: "Investing" },
  { slug: "personal-finance", label: "Personal finance" },
  { slug: "history", label: "History" },
  { slug: "culture", label: "Culture" },
  { slug: "education", label: "Education" },
  { slug: "parenting", label: "Parenting" },
  { slug: "climate", label: "Climate" },
  { slug: "security", label: "Security" },
  { slug: "data", label: "Data" },
  { slug: "open-source", label: "Open source" },
  { slug: "writing", label: "Writing" },
  { slug: "psychology", label: "Psychology" },
  { slug: "hiring", label: "Hiring" },
  { slug: "remote-work", label: "Remote work" },
  { slug: "negotiation", label: "Negotiation" },
] as const;

export type TopicSlug = (typeof TOPICS)[number]["slug"];

const slugs = new Set<string>(TOPICS.map((t) => t.slug));

export function isTopicSlug(value: string): value is TopicSlug {
  return slugs.has(value);
}
