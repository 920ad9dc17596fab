"""A tiny O*NET text release, written as the official one is, for load tests."""

from pathlib import Path

FILES = {
    "Read Me.txt": "O*NET 99.1 Database\nJune 2099 Release\n",
    "Occupation Data.txt": (
        "O*NET-SOC Code\tTitle\tDescription\n"
        "15-1255.00\tWeb and Digital Interface Designers\tDesign digital user interfaces.\n"
        "19-3022.00\tSurvey Researchers\tPlan and conduct surveys.\n"
    ),
    "Alternate Titles.txt": (
        "O*NET-SOC Code\tAlternate Title\tShort Title\tSource(s)\n"
        "15-1255.00\tUX Researcher (User Experience Researcher)\tUX Researcher\t10\n"
        "19-3022.00\tSurvey Methodologist\tn/a\t08\n"
    ),
    "Task Statements.txt": (
        "O*NET-SOC Code\tTask ID\tTask\tTask Type\tIncumbents Responding\tDate\tDomain Source\n"
        "15-1255.00\t1\tMaintain websites.\tSupplemental\t90\t11/2020\tAnalyst\n"
        "15-1255.00\t2\tConduct usability tests.\tCore\t40\t11/2020\tAnalyst\n"
        "15-1255.00\t3\tDesign interfaces.\tCore\t80\t11/2020\tAnalyst\n"
    ),
    "Job Zones.txt": (
        "O*NET-SOC Code\tJob Zone\tDate\tDomain Source\n15-1255.00\t4\t11/2021\tAnalyst\n"
    ),
    "Job Zone Reference.txt": (
        "Job Zone\tName\tExperience\tEducation\tJob Training\tExamples\tSVP Range\n"
        "4\tJob Zone Four: Considerable Preparation Needed\tA lot.\tA degree.\tSome.\tMany.\t7\n"
    ),
    "Related Occupations.txt": (
        "O*NET-SOC Code\tRelated O*NET-SOC Code\tRelatedness Tier\tIndex\n"
        "15-1255.00\t19-3022.00\tPrimary-Short\t1\n"
        "15-1255.00\t99-9999.00\tPrimary-Short\t2\n"
    ),
    "Sample of Reported Titles.txt": (
        "O*NET-SOC Code\tReported Job Title\tShown in My Next Move\n15-1255.00\tWeb Designer\tY\n"
    ),
    "Technology Skills.txt": (
        "O*NET-SOC Code\tExample\tCommodity Code\tCommodity Title\tHot Technology\tIn Demand\n"
        "15-1255.00\tFigma\t1\tGraphics\tY\tY\n"
        "15-1255.00\tAdobe Dreamweaver\t1\tWeb\tN\tN\n"
    ),
}


def write_release(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in FILES.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder
