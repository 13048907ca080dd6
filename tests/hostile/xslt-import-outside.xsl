<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
<!-- A user stylesheet that imports a file outside its folder. -->
<xsl:import href="@SECRET_XML_URI@"/>
<xsl:output method="text"/>
<xsl:template match="/">imported</xsl:template>
</xsl:stylesheet>
