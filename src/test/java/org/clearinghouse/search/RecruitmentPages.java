package org.clearinghouse.search;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A small recruitment clearinghouse: twelve pages whose best answers to test queries are known. */
final class RecruitmentPages {
    static final String COMMIT_1 = "1111111111111111111111111111111111111111";
    static final String COMMIT_2 = "2222222222222222222222222222222222222222";
    static final String COMMIT_3 = "3333333333333333333333333333333333333333";

    private RecruitmentPages() {}

    static List<IndexedPage> all() {
        return List.of(
                page("Toolkits/Career-Day-Kit", "Career Day Kit", List.of("Planning a career day", "Materials"),
                        "Everything you need to run a career day at a school or college: posters, handouts and a "
                                + "sign-up sheet. Talk about librarianship as a career.",
                        "Run a career day.", List.of("career day", "outreach"), List.of("students", "school librarians"),
                        "kit", "2024-03-01"),
                page("Toolkits/Recruiting-for-Diversity", "Recruiting for Diversity",
                        List.of("Why diversity matters", "Partner organizations"),
                        "Strategies for the recruitment of underrepresented groups into library school. Partner with "
                                + "affinity caucuses and ethnic library associations.",
                        "", List.of("diversity", "recruitment"), List.of("committee"), "guide", "2024-02-10"),
                page("Funding/Scholarships", "Scholarships and Financial Aid",
                        List.of("National awards", "State awards"),
                        "A list of programs that pay tuition for library school students, with deadlines.",
                        "Money for library school.", List.of("funding"), List.of("students"), "list", "2024-01-15"),
                page("Careers/Academic-Librarianship", "Academic Librarianship", List.of("Faculty status"),
                        "Working in a college or university library: faculty status, tenure and liaison work with "
                                + "departments.",
                        "", List.of("careers", "academic"), List.of("students"), "profile", "2023-11-01"),
                page("Careers/Public-Librarianship", "Public Librarianship", List.of("A day at the branch"),
                        "Public libraries serve everyone: storytime, the reference desk, programs for teens and "
                                + "adults.",
                        "", List.of("careers", "public"), List.of("students"), "profile", "2023-11-02"),
                page("Careers/School-Librarianship", "School Librarianship", List.of("Certification"),
                        "School library media specialists teach information literacy and run the school library.",
                        "", List.of("careers", "school"), List.of("students", "teachers"), "profile", "2023-11-03"),
                page("Programs/Mentoring", "Mentoring Program", List.of("Finding a mentor"),
                        "Pair new professionals with experienced mentors. Mentoring improves retention and "
                                + "recruitment, and mentors can help students apply for a scholarship. Mentors "
                                + "review every scholarship essay, and a scholarship committee reads them again.",
                        "", List.of("mentoring"), List.of("committee", "students"), "guide", "2024-04-01"),
                page("Outreach/Social-Media", "Social Media Outreach", List.of("Posting guidelines"),
                        "Use social media to reach prospective students. Text like <script>alert('x')</script> "
                                + "is never allowed in posts. Keep posts short & friendly.",
                        "", List.of("outreach"), List.of("committee"), "guide", "2024-05-01"),
                page("Outreach/Job-Fair", "Job Fair Booth", List.of("Staffing the booth"),
                        "How to staff a booth at a job fair or career fair. Bring a banner and brochures.",
                        "", List.of("career day", "outreach"), List.of("committee"), "kit", "2023-09-01"),
                page("Programs/Internships", "Internships and Practicums", List.of("Paid positions"),
                        "Paid internships give students hands-on experience in archives and special libraries.",
                        "", List.of("funding", "experience"), List.of("students"), "list", "2024-06-01"),
                page("Committee/Meeting-Notes", "Committee Meeting Notes", List.of("Minutes"),
                        "Minutes from the recruitment committee: we discussed the career day kit and the "
                                + "diversity toolkit.",
                        "", List.of("committee"), List.of("committee"), "notes", "2022-01-01"),
                page("Careers/Archives", "Careers in Archives", List.of("Graduate programs"),
                        "Archivists preserve records and manuscripts. Graduate programs in archival studies.",
                        "", List.of("careers"), List.of("students"), "profile", "2023-10-01"));
    }

    static IndexedPage page(String path, String title, List<String> headings, String body, String summary,
            List<String> tags, List<String> audience, String type, String day) {
        return new IndexedPage(path, title, headings, body, summary, tags, audience, Optional.ofNullable(type),
                Instant.parse(day + "T12:00:00Z"));
    }

    static IndexedPage simple(String path, String title, String body) {
        return page(path, title, List.of(), body, "", List.of(), List.of(), null, "2024-01-01");
    }

    /** An index in {@code dir} holding every page, committed as {@link #COMMIT_1}. */
    static SearchIndex openFilled(Path dir) {
        SearchIndex index = SearchIndex.open(dir);
        index.replaceAll(COMMIT_1, all(), done -> { });
        return index;
    }

    static List<String> paths(SearchResults results) {
        return results.hits().stream().map(SearchHit::path).toList();
    }
}
